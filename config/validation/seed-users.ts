import { joinPath } from "../paths";
import { attributeNameProblem, customAttribute } from "./attribute-names";
import type { RuleSet } from "./context";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{5,14}$/;

/** Test users: never in production; their groups, attributes and usernames must fit the pool. */
export const seedUsersRules: RuleSet = (cfg, ctx, issues) => {
  const p = cfg.pool;
  const usernameAttributes = p.usernameAttributes ?? [];
  for (const [username, u] of Object.entries(cfg.seedUsers)) {
    const at = joinPath(["seedUsers", username]);
    if (ctx.isProduction)
      issues.add(at, username, "seed users are for non-prod stacks only; remove them from this stack");

    const forms = [
      usernameAttributes.includes("email") ? "an email address" : "",
      usernameAttributes.includes("phone_number") ? "a phone number in E.164 form (+15555550100)" : "",
    ].filter(Boolean);
    const isEmail = EMAIL.test(username);
    const isPhone = PHONE.test(username);
    if (
      forms.length > 0 &&
      !((usernameAttributes.includes("email") && isEmail) || (usernameAttributes.includes("phone_number") && isPhone))
    ) {
      issues.add(
        at,
        username,
        `the pool signs users in with ${usernameAttributes.join(" or ")}, so the username must be ${forms.join(" or ")}`,
      );
    }

    const seen = new Set<string>();
    u.groups.forEach((g, i) => {
      if (!Object.hasOwn(cfg.groups, g))
        issues.add(
          `${at}.groups[${i}]`,
          g,
          `no group named "${g}" (groups: ${Object.keys(cfg.groups).join(", ") || "none"})`,
        );
      else if (seen.has(g)) issues.add(`${at}.groups[${i}]`, g, "listed twice");
      seen.add(g);
    });

    const attrs = u.attributes ?? {};
    for (const [name, value] of Object.entries(attrs)) {
      const path = `${at}.attributes.${name}`;
      const problem = attributeNameProblem(name, p.schemas);
      if (problem) {
        issues.add(path, name, problem);
        continue;
      }
      if ((name === "email_verified" || name === "phone_number_verified") && value !== "true" && value !== "false")
        issues.add(path, value, 'must be "true" or "false"');
      if (name === "email" && !EMAIL.test(value)) issues.add(path, value, "must be an email address");
      if (
        name === "email" &&
        usernameAttributes.includes("email") &&
        isEmail &&
        value.toLowerCase() !== username.toLowerCase()
      ) {
        issues.add(
          path,
          value,
          "the pool signs users in with their email, so it must equal the username (or be left out)",
        );
      }
      if (name === "phone_number" && !PHONE.test(value))
        issues.add(path, value, "must be a phone number in E.164 form (+15555550100)");
      const custom = customAttribute(name, p.schemas);
      if (custom?.attributeDataType === "Number" && !/^-?\d+$/.test(value))
        issues.add(path, value, "a Number attribute takes an integer");
      if (custom?.attributeDataType === "Boolean" && value !== "true" && value !== "false")
        issues.add(path, value, 'a Boolean attribute takes "true" or "false"');
      const c = custom?.stringAttributeConstraints;
      if (custom?.attributeDataType === "String" && c && (value.length < c.minLength || value.length > c.maxLength)) {
        issues.add(path, value, `must be ${c.minLength}-${c.maxLength} characters (pool.schemas)`);
      }
    }

    // components/seed-users.ts sets the email (or phone number) from the username when it signs in with it.
    const implied = new Set<string>();
    if (usernameAttributes.includes("email") && isEmail) implied.add("email");
    if (usernameAttributes.includes("phone_number") && isPhone) implied.add("phone_number");
    const missing = p.requiredStandardAttributes.filter((a) => attrs[a] === undefined && !implied.has(a));
    if (missing.length > 0)
      issues.add(`${at}.attributes`, u.attributes, `pool.requiredStandardAttributes needs ${missing.join(", ")}`);
  }
};
