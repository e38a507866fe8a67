import * as assert from "node:assert";
import { createStackValidationArgs } from "../../../plan/validation-args";
import { linked, ofType, tryRead } from "../../../policy/rules/links";
import { isUnknownValueError } from "../../../policy/rules/unknowns";
import { res, T, UNKNOWN, urn } from "../harness";

const ROLE_ARN = "arn:aws:iam::123456789012:role/path/sms";

function stack(
  attachmentProps: Record<string, unknown>,
  roleProps: Record<string, unknown> = { name: "sms", arn: ROLE_ARN },
  extra = {},
) {
  const { resources } = createStackValidationArgs([
    res(T.role, "sms", roleProps),
    res(T.role, "other", { name: "other", arn: "arn:aws:iam::123456789012:role/other" }),
    res(T.rolePolicy, "p", attachmentProps, extra),
  ]);
  return { roles: ofType(resources, T.role), from: resources[2] };
}

describe("policy/rules/links", () => {
  it("links by id, name or ARN, including a name at the end of an ARN path", () => {
    for (const ref of ["sms", ROLE_ARN]) {
      const { roles, from } = stack({ role: ref });
      assert.deepStrictEqual(
        linked(from, "role", roles, () => from.props.role).map((r) => r.name),
        ["sms"],
      );
    }
  });
  it("links any entry of a list of references", () => {
    const { roles, from } = stack({ roles: ["nothing", "other"] });
    assert.deepStrictEqual(
      linked(from, "roles", roles, () => from.props.roles).map((r) => r.name),
      ["other"],
    );
  });
  it("treats known values that match nothing as definitive, even with dependencies", () => {
    const { roles, from } = stack({ role: "external" }, undefined, { dependencies: [urn(T.role, "sms")] });
    assert.deepStrictEqual(
      linked(from, "role", roles, () => from.props.role),
      [],
    );
  });
  it("falls back to property dependencies, then dependencies, when the reference is unknown", () => {
    const byProp = stack({ role: UNKNOWN.string }, undefined, {
      propertyDependencies: { role: [urn(T.role, "other")] },
      dependencies: [urn(T.role, "sms")],
    });
    assert.deepStrictEqual(
      linked(byProp.from, "role", byProp.roles, () => byProp.from.props.role).map((r) => r.name),
      ["other"],
    );
    const byDeps = stack({ role: UNKNOWN.string }, undefined, { dependencies: [urn(T.role, "sms")] });
    assert.deepStrictEqual(
      linked(byDeps.from, "role", byDeps.roles, () => byDeps.from.props.role).map((r) => r.name),
      ["sms"],
    );
  });
  it("takes property dependencies that name only non-candidates as definitive: no link, no fallback, no throw", () => {
    const policyUrn = urn(T.policy, "elsewhere");
    const withDeps = createStackValidationArgs([
      res(T.role, "sms", { name: "sms", arn: ROLE_ARN }),
      res(T.policy, "elsewhere", { arn: "arn:aws:iam::123456789012:policy/elsewhere" }),
      res(
        T.rolePolicy,
        "p",
        { role: UNKNOWN.string },
        { propertyDependencies: { role: [policyUrn] }, dependencies: [policyUrn, urn(T.role, "sms")] },
      ),
    ]).resources;
    const from = withDeps[2];
    assert.deepStrictEqual(
      linked(from, "role", ofType(withDeps, T.role), () => from.props.role),
      [],
    );
    const alone = createStackValidationArgs([
      res(T.role, "sms", { name: "sms", arn: ROLE_ARN }),
      res(T.policy, "elsewhere", {}),
      res(T.rolePolicy, "p", { role: UNKNOWN.string }, { propertyDependencies: { role: [policyUrn] } }),
    ]).resources;
    assert.deepStrictEqual(
      linked(alone[2], "role", ofType(alone, T.role), () => alone[2].props.role),
      [],
    );
  });
  it("falls back to dependencies when a candidate's identifiers are unknown", () => {
    const { roles, from } = stack(
      { role: "sms" },
      { name: UNKNOWN.string, arn: UNKNOWN.string },
      { propertyDependencies: { role: [urn(T.role, "sms")] } },
    );
    assert.deepStrictEqual(
      linked(from, "role", roles, () => from.props.role).map((r) => r.name),
      ["sms"],
    );
  });
  it("rethrows the unknown value when nothing links", () => {
    const { roles, from } = stack({ role: UNKNOWN.string });
    assert.throws(
      () => linked(from, "role", roles, () => from.props.role),
      (e: unknown) => isUnknownValueError(e) && e.props.join(".") === "role",
    );
  });
  it("tryRead returns unknowns instead of throwing, and rethrows other errors", () => {
    const { from } = stack({ role: UNKNOWN.string });
    assert.ok(tryRead(() => from.props.role).unknown);
    assert.throws(
      () =>
        tryRead(() => {
          throw new TypeError("boom");
        }),
      TypeError,
    );
  });
});
