/**
 * The local sign-in page: Amplify JS v6 against the emulator, configured from amplify_outputs.json.
 * Sign up, confirm (local admin route), sign in with SRP, TOTP set-up and sign-in, the ID token's
 * claims, refresh, sign out. Each step moves focus to the heading of the section it shows.
 */
import { Amplify } from "aws-amplify";
import {
  confirmSignIn,
  fetchAuthSession,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
} from "aws-amplify/auth";
import qrcode from "qrcode-generator";
import type { AmplifyOutputsFile } from "../outputs/amplify-outputs";
import { amplifyConfig } from "./amplify-config";
import { errorMessage } from "./errors";

const SECTIONS = ["signup", "confirm", "signin", "mfa", "session", "totp"] as const;
type Section = (typeof SECTIONS)[number];

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
};
const input = (id: string): HTMLInputElement => $<HTMLInputElement>(id);

function show(sections: Section[], focus: Section): void {
  for (const s of SECTIONS) $(s).hidden = !sections.includes(s);
  $(`${focus}-h`).focus();
}
function status(text: string): void {
  $("error").textContent = "";
  $("status").textContent = text;
}
function fail(e: unknown): void {
  $("status").textContent = "";
  $("error").textContent = errorMessage(e);
}

/** Runs a form's action with its button disabled, reporting any error in the alert region. */
function onSubmit(formId: string, action: () => Promise<void>): void {
  const form = $<HTMLFormElement>(formId);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const button = form.querySelector("button");
    if (button) button.disabled = true;
    action()
      .catch(fail)
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}
function onClick(id: string, action: () => Promise<void>): void {
  const button = $<HTMLButtonElement>(id);
  button.addEventListener("click", () => {
    button.disabled = true;
    action()
      .catch(fail)
      .finally(() => {
        button.disabled = false;
      });
  });
}

function policyText(p: AmplifyOutputsFile["auth"]["password_policy"]): string {
  const needs = [
    p.require_lowercase && "a lowercase letter",
    p.require_uppercase && "an uppercase letter",
    p.require_numbers && "a number",
    p.require_symbols && "a symbol",
  ].filter((x): x is string => typeof x === "string");
  const tail = needs.length
    ? `, with ${needs.slice(0, -1).join(", ")}${needs.length > 1 ? " and " : ""}${needs.at(-1)}`
    : "";
  return `Password policy: at least ${p.min_length} characters${tail}.`;
}

function renderClaims(payload: Record<string, unknown>, customAttributes: string[]): void {
  const dl = $("claims");
  dl.replaceChildren();
  const add = (name: string, value: string, testId: string): void => {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.dataset.claim = testId;
    dl.append(dt, dd);
  };
  const groups = payload["cognito:groups"];
  add("email", String(payload.email ?? "(none)"), "email");
  add("cognito:groups", Array.isArray(groups) && groups.length ? groups.join(", ") : "(no groups)", "cognito:groups");
  for (const a of customAttributes) add(a, payload[a] === undefined ? "(not set)" : String(payload[a]), a);
  const iat = typeof payload.iat === "number" ? new Date(payload.iat * 1000).toISOString() : "?";
  add("issued at (iat)", iat, "iat");
  add("issuer (iss)", String(payload.iss ?? ""), "iss");
  $("claims-json").textContent = JSON.stringify(payload, null, 2);
}

async function main(): Promise<void> {
  const res = await fetch("/amplify_outputs.json", { cache: "no-store" });
  if (!res.ok) throw new Error(`could not load amplify_outputs.json (HTTP ${res.status})`);
  const outputs = (await res.json()) as AmplifyOutputsFile;
  Amplify.configure(amplifyConfig(outputs));
  const custom = outputs.custom.cognito_auth;
  $("stack-name").textContent = custom.stack;
  $("password-policy").textContent = policyText(outputs.auth.password_policy);

  const groupSelect = $<HTMLSelectElement>("confirm-group");
  for (const g of outputs.auth.groups.flatMap((x) => Object.keys(x))) {
    const o = document.createElement("option");
    o.value = g;
    o.textContent = g;
    groupSelect.append(o);
  }
  const attrBox = $("confirm-attributes");
  for (const a of custom.custom_attributes) {
    const id = `attr-${a.replace(/[^a-z0-9]/gi, "-")}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = `${a} (optional)`;
    const field = document.createElement("input");
    field.id = id;
    field.type = "text";
    field.dataset.attribute = a;
    attrBox.append(label, field);
  }

  let refreshes = 0;
  const showSession = async (note: string): Promise<void> => {
    const session = await fetchAuthSession();
    const id = session.tokens?.idToken;
    if (!id) throw new Error("signed in, but Amplify holds no ID token");
    renderClaims(id.payload as Record<string, unknown>, custom.custom_attributes);
    show(["session"], "session");
    status(note);
  };

  onSubmit("signup-form", async () => {
    const email = input("signup-email").value.trim();
    const givenName = input("signup-given-name").value.trim();
    const r = await signUp({
      username: email,
      password: input("signup-password").value,
      options: { userAttributes: { email, ...(givenName ? { given_name: givenName } : {}) } },
    });
    input("confirm-username").value = email;
    input("signin-email").value = email;
    if (r.nextStep.signUpStep === "CONFIRM_SIGN_UP") {
      show(["confirm"], "confirm");
      status(`Account ${email} created. It needs confirming before it can sign in.`);
    } else {
      show(["signin"], "signin");
      status(`Account ${email} created.`);
    }
  });

  onSubmit("confirm-form", async () => {
    const attributes: Record<string, string> = {};
    for (const el of Array.from(attrBox.querySelectorAll<HTMLInputElement>("input[data-attribute]")))
      if (el.value.trim()) attributes[el.dataset.attribute ?? ""] = el.value.trim();
    const r = await fetch("/local/admin-confirm", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: input("confirm-username").value.trim(), group: groupSelect.value, attributes }),
    });
    const body = (await r.json()) as { name?: string; message?: string; group?: string | null };
    if (!r.ok) throw Object.assign(new Error(body.message ?? `HTTP ${r.status}`), { name: body.name ?? "Error" });
    show(["signin"], "signin");
    status(`Confirmed${body.group ? ` and added to ${body.group}` : ""}. Sign in now.`);
  });

  onSubmit("signin-form", async () => {
    const r = await signIn({
      username: input("signin-email").value.trim(),
      password: input("signin-password").value,
      options: { authFlowType: "USER_SRP_AUTH" },
    });
    input("signin-password").value = "";
    const step = r.nextStep.signInStep;
    if (step === "DONE") return showSession("Signed in with SRP.");
    if (step === "CONFIRM_SIGN_IN_WITH_TOTP_CODE") {
      input("mfa-code").value = "";
      show(["mfa"], "mfa");
      status("Password accepted. Enter the code from your authenticator app.");
      return;
    }
    throw Object.assign(new Error(`this page does not handle the sign-in step ${step}`), { name: "UnhandledStep" });
  });

  onSubmit("mfa-form", async () => {
    const r = await confirmSignIn({ challengeResponse: input("mfa-code").value.trim() });
    if (r.nextStep.signInStep !== "DONE")
      throw Object.assign(new Error(`unexpected step ${r.nextStep.signInStep}`), { name: "UnhandledStep" });
    await showSession("Signed in with SRP and a TOTP code.");
  });

  onClick("totp-start", async () => {
    const details = await setUpTOTP();
    const email = input("signin-email").value.trim() || "user";
    const uri = details.getSetupUri(`cognito-auth ${custom.stack} (local)`, email).toString();
    const qr = qrcode(0, "M");
    qr.addData(uri);
    qr.make();
    const img = document.createElement("img");
    img.src = qr.createDataURL(4, 2);
    img.alt = "QR code for the authenticator app; the same secret key is written below it";
    $("qr").replaceChildren(img);
    $("totp-secret").textContent = details.sharedSecret;
    $("totp-secret").dataset.uri = uri;
    input("totp-code").value = "";
    show(["session", "totp"], "totp");
    status("Scan the QR code or type the secret key, then enter the app's code.");
  });

  onSubmit("totp-form", async () => {
    await verifyTOTPSetup({ code: input("totp-code").value.trim() });
    await updateMFAPreference({ totp: "PREFERRED" });
    show(["session"], "session");
    status("TOTP is on. The next sign-in asks for a code.");
  });

  onClick("refresh", async () => {
    const before = (await fetchAuthSession()).tokens?.idToken?.toString();
    const s = await fetchAuthSession({ forceRefresh: true });
    const id = s.tokens?.idToken;
    if (!id) throw new Error("the refresh returned no ID token");
    refreshes++;
    renderClaims(id.payload as Record<string, unknown>, custom.custom_attributes);
    status(
      `Session refreshed (${refreshes}): ${id.toString() === before ? "the same" : "a new"} ID token${s.identityId ? `; identity ${s.identityId}` : ""}.`,
    );
  });

  onClick("signout", async () => {
    await signOut();
    show(["signup", "signin"], "signin");
    status("Signed out.");
  });

  show(["signup", "signin"], "signup");
  document.body.dataset.ready = "true";
}

main().catch(fail);
