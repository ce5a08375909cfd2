import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "./create-storage";

describe("createStorage", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "create-storage-"));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("builds the driver the configuration names, with its temporary folder where it belongs", async () => {
    const local = createStorage({ driver: "local", root: join(folder, "vault") });
    expect(local.driver).toBe("local");
    expect(await local.tempDir()).toBe(join(folder, "vault", ".tmp"));

    const s3 = createStorage({ driver: "s3", bucket: "b", region: "eu-west-3", tempRoot: join(folder, "vault-tmp") });
    expect(s3.driver).toBe("s3");
    expect(await s3.tempDir()).toBe(join(folder, "vault-tmp"));
  });

  it("refuses half a pair of S3 credentials", () => {
    expect(() => createStorage({ driver: "s3", bucket: "b", region: "eu-west-3", tempRoot: folder, accessKeyId: "AKIA…" })).toThrow(/both/);
  });
});
