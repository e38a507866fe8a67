import * as assert from "node:assert";
import { errorMessage } from "../../../local-page/errors";

const named = (name: string, message = "raw"): Error => Object.assign(new Error(message), { name });

describe("local-page/errors", () => {
  it("gives each common Cognito error its own sentence and names it", () => {
    const cases: Array<[string, RegExp]> = [
      ["NotAuthorizedException", /^Wrong email or password/],
      ["InvalidPasswordException", /password policy/],
      ["CodeMismatchException", /code is wrong/],
      ["UsernameExistsException", /already exists/],
      ["UserNotConfirmedException", /not confirmed/],
    ];
    for (const [name, re] of cases) {
      const m = errorMessage(named(name));
      assert.match(m, re, name);
      assert.ok(m.endsWith(`(${name})`), `${name} is named`);
    }
  });

  it("keeps the detail of an invalid parameter and of an unknown error", () => {
    assert.match(errorMessage(named("InvalidParameterException", "email is bad")), /email is bad/);
    assert.strictEqual(errorMessage(named("Weird", "boom")), "Weird: boom");
  });
});
