import * as assert from "node:assert";
import { findChromium } from "../../browser/chromium";

describe("tests/browser/chromium", () => {
  it("prefers CHROMIUM_PATH, then Debian's package, and says how to install one when none is found", () => {
    assert.strictEqual(
      findChromium({ CHROMIUM_PATH: "/opt/c" }, (p) => p === "/opt/c"),
      "/opt/c",
    );
    assert.strictEqual(
      findChromium({}, (p) => p === "/usr/bin/chromium"),
      "/usr/bin/chromium",
    );
    assert.throws(() => findChromium({}, () => false), /no Chromium found[\s\S]*apt-get install -y chromium/);
    assert.throws(() => findChromium({ CHROMIUM_PATH: "/nope" }, () => false), /CHROMIUM_PATH=\/nope does not exist/);
  });
});
