import * as assert from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseAdminConfirm } from "../../../local-page/server";
import { amplifyOutputs } from "../../../outputs/amplify-outputs";
import { sourceFromStackOutputJson } from "../../../scripts/outputs";

const SAMPLE = path.join(__dirname, "../../fixtures/pulumi-stack-output/dev.json");
const outputs = amplifyOutputs(sourceFromStackOutputJson(fs.readFileSync(SAMPLE, "utf8"), SAMPLE));

describe("local-page/server", () => {
  it("takes the admin confirm with one of the pool's groups and custom attributes", () => {
    assert.deepStrictEqual(
      parseAdminConfirm(
        JSON.stringify({
          username: "a@b.c",
          group: "Customers",
          attributes: { "custom:customer_tier": "gold", "custom:last_login": "" },
        }),
        outputs,
      ),
      { username: "a@b.c", group: "Customers", attributes: { "custom:customer_tier": "gold" } },
    );
  });

  it("refuses an unknown group, an unknown attribute and a missing username", () => {
    assert.throws(() => parseAdminConfirm(JSON.stringify({ username: "a", group: "Root" }), outputs), /no group Root/);
    assert.throws(
      () => parseAdminConfirm(JSON.stringify({ username: "a", attributes: { email: "x" } }), outputs),
      /email is not one of this pool's custom attributes/,
    );
    assert.throws(() => parseAdminConfirm("{}", outputs), /username is required/);
  });
});
