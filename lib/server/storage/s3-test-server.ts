/**
 * A real S3-compatible server for tests (the `s3rver` package): 127.0.0.1, a random port, its own
 * temporary folder, one bucket. The S3 driver is tested against it rather than against a mock, so the
 * tests exercise the SDK's real requests (signing, streaming bodies, pagination, error codes).
 * It runs in a child process: see s3-test-server-process.mjs for why.
 */
import "server-only";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { S3StorageOptions } from "./s3-storage";

export type S3TestServer = {
  /** Options for createS3Storage (the temporary-file folder included), with s3rver's fixed credentials. */
  storageOptions: S3StorageOptions;
  close: () => Promise<void>;
};

const script = fileURLToPath(new URL("./s3-test-server-process.mjs", import.meta.url));

export async function startS3TestServer({ bucket = "vault-test" }: { bucket?: string } = {}): Promise<S3TestServer> {
  const workspace = await mkdtemp(join(tmpdir(), "s3-test-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", script, join(workspace, "s3rver"), bucket], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const close = async () => {
    if (child.exitCode === null) {
      child.stdin.end();
      await once(child, "exit");
    }
    await rm(workspace, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening: ${stderr}`)));
      createInterface({ input: child.stdout }).once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
    });
    return {
      storageOptions: {
        bucket,
        region: "us-east-1",
        endpoint: `http://127.0.0.1:${port}`,
        forcePathStyle: true,
        // s3rver's only account; it checks signatures with it.
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        tempRoot: join(workspace, "tmp"),
      },
      close,
    };
  } catch (error) {
    child.kill();
    await close();
    throw error;
  }
}
