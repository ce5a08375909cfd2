// The tests' S3 server in its own process (started by s3-test-server.ts). Node must run it with
// --openssl-legacy-provider: s3rver 3.7 makes ListObjectsV2 continuation tokens with DES, which
// OpenSSL 3 refuses otherwise, so every listing longer than one page would fail.
// Arguments: <directory> <bucket>. Prints `{"port":<n>}` once listening; exits when stdin closes,
// so it never outlives the test process.
import S3rver from "s3rver";

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error("usage: s3-test-server-process.mjs <directory> <bucket>");
  process.exit(2);
}
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
