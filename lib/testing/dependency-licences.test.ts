import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

/** The package.json npm installed, as Node resolves it for the app. */
function installed(name: string): { version: string; license: string } {
  const { version, license } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as {
    version: string;
    license: string;
  };
  return { version, license };
}

describe("dependency licences", () => {
  // ua-parser-js 2.0 moved to the AGPL-3.0, which would oblige the service to publish its source to
  // every user; 1.x is MIT. A bump to 2.x (by hand or by a bot) fails here, not in a legal review.
  it("keeps ua-parser-js on its MIT-licensed 1.x line", () => {
    const { version, license } = installed("ua-parser-js");
    expect({ major: Number(version.split(".")[0]), license }).toEqual({ major: 1, license: "MIT" });
  });

  it("is what package.json asks for, exactly", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies["ua-parser-js"]).toMatch(/^1\.\d+\.\d+$/);
  });
});
