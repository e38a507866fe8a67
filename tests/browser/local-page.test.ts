/**
 * The local stack as an app developer meets it: the dev stack deployed into moto, amplify_outputs.json
 * loaded by Amplify in Node, and the local sign-in page driven in Debian's Chromium at phone width
 * (375 px) through sign-up, confirm, SRP sign-in, TOTP set-up, TOTP sign-in, claims, refresh and
 * sign-out. Screenshots of each step go to .artifacts/browser/ (git-ignored).
 */
import * as assert from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import { fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { type Browser, chromium, type Page } from "playwright-core";
import { TotpDevice } from "../../check/totp";
import { emulatorClients } from "../../emulator/clients";
import { deployToEmulator } from "../../emulator/deploy";
import { type MotoServer, startMotoServer } from "../../emulator/moto-server";
import { ensureEmulator } from "../../emulator/setup";
import { amplifyConfig } from "../../local-page/amplify-config";
import { type LocalPage, startLocalPage } from "../../local-page/server";
import { type AmplifyOutputsFile, amplifyOutputs, writeAmplifyOutputs } from "../../outputs/amplify-outputs";
import type { StackOutputs } from "../../outputs/stack-outputs";
import { PROJECT_ROOT } from "../../util/project-root";
import { findChromium } from "./chromium";

const SHOTS = path.join(PROJECT_ROOT, ".artifacts", "browser");
const PASSWORD = "Correct-Horse-9-battery";

describe("local sign-in page in Chromium, against the emulator", function () {
  this.timeout(300_000);
  let server: MotoServer;
  let outputs: StackOutputs;
  let local: LocalPage;
  let browser: Browser | undefined;
  let page: Page;
  let step = 0;

  const shot = async (name: string): Promise<void> => {
    step++;
    await page.screenshot({ path: path.join(SHOTS, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true });
  };
  const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? "");
  const text = async (selector: string): Promise<string> => (await page.locator(selector).textContent()) ?? "";
  const errorText = async (): Promise<string> => {
    await page.locator("#error:not(:empty)").waitFor({ timeout: 20_000 });
    return text("#error");
  };
  const statusText = async (contains: string): Promise<string> => {
    await page.locator("#status", { hasText: contains }).waitFor({ timeout: 20_000 });
    return text("#status");
  };
  const claim = (name: string): Promise<string> => text(`[data-claim="${name}"]`);
  // moto checks the current window only and accepts a code twice; Cognito refuses reuse (README, Not verified here).
  let device: TotpDevice | undefined;
  const totpNow = (): Promise<string> => {
    if (!device) throw new Error("no TOTP secret yet");
    return device.code();
  };

  before(async () => {
    const executablePath = findChromium();
    ensureEmulator({ log: (l) => process.stdout.write(`      ${l}\n`) });
    server = await startMotoServer();
    outputs = (await deployToEmulator({ stack: "dev", endpoint: server.endpoint })).outputs;
    local = await startLocalPage({ motoEndpoint: server.endpoint, source: outputs });
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await (await browser.newContext({ viewport: { width: 375, height: 780 } })).newPage();
  });

  after(async () => {
    await browser?.close();
    await local?.close();
    await server?.stop();
  });

  it("amplify_outputs.json configures Amplify (Node) to sign in against the emulator", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "amplify-")), "amplify_outputs.json");
    writeAmplifyOutputs(
      file,
      amplifyOutputs(outputs, { userPoolEndpoint: local.url, identityPoolEndpoint: local.url }),
      Object.values(outputs.clientSecrets),
    );
    assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
    const loaded = JSON.parse(fs.readFileSync(file, "utf8")) as AmplifyOutputsFile;
    Amplify.configure(amplifyConfig(loaded));
    assert.strictEqual(Amplify.getConfig().Auth?.Cognito.userPoolEndpoint, local.url);

    const { idp } = emulatorClients({ endpoint: server.endpoint });
    const pool = outputs.userPoolId;
    const username = "node-amplify@example.com";
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: pool,
        Username: username,
        MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: username }],
      }),
    );
    await idp.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: username, Password: PASSWORD, Permanent: true }),
    );
    await idp.send(
      new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: username, GroupName: "Administrators" }),
    );
    const r = await signIn({ username, password: PASSWORD, options: { authFlowType: "USER_SRP_AUTH" } });
    assert.strictEqual(r.nextStep.signInStep, "DONE");
    const session = await fetchAuthSession();
    assert.deepStrictEqual(session.tokens?.idToken?.payload["cognito:groups"], ["Administrators"]);
    assert.strictEqual(session.tokens?.idToken?.payload.aud, loaded.auth.user_pool_client_id);
    await signOut();
  });

  it("loads at phone width with the password policy, labelled fields and focus on the first heading", async () => {
    await page.goto(local.url);
    await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
    assert.match(
      await text("#password-policy"),
      /at least 12 characters, with a lowercase letter, an uppercase letter, a number and a symbol/,
    );
    assert.strictEqual(await focused(), "signup-h");
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll("input, select"))
        .filter((el) => (el as HTMLInputElement).labels?.length === 0)
        .map((el) => el.id),
    );
    assert.deepStrictEqual(unlabelled, []);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no horizontal scrolling at 375 px (page is ${width} px wide)`);
    await shot("loaded");
  });

  const email = "browser-user@example.com";

  it("refuses a weak password with the policy's message", async () => {
    await page.fill("#signup-email", email);
    await page.fill("#signup-password", "short");
    await page.click("#signup-form button");
    assert.match(
      await errorText(),
      /does not meet the pool's password policy \(shown above the field\)\. \(InvalidPasswordException\)/,
    );
    await shot("weak-password");
  });

  it("signs up, then confirms with the local admin route, a group and a custom attribute", async () => {
    await page.fill("#signup-password", PASSWORD);
    await page.click("#signup-form button");
    await statusText("needs confirming");
    assert.strictEqual(await focused(), "confirm-h");
    await shot("signed-up");
    assert.strictEqual(await page.inputValue("#confirm-username"), email);
    await page.selectOption("#confirm-group", "Customers");
    await page.fill("#attr-custom-customer-tier", "premium");
    await page.click("#confirm-form button");
    await statusText("Confirmed and added to Customers");
    assert.strictEqual(await focused(), "signin-h");
    await shot("confirmed");
  });

  it("signs in with SRP and shows the ID token's groups and custom attributes", async () => {
    await page.fill("#signin-password", PASSWORD);
    await page.click("#signin-form button");
    await statusText("Signed in with SRP.");
    assert.strictEqual(await focused(), "session-h");
    assert.strictEqual(await claim("cognito:groups"), "Customers");
    assert.strictEqual(await claim("custom:customer_tier"), "premium");
    assert.strictEqual(await claim("email"), email);
    await shot("signed-in-srp");
  });

  it("sets up TOTP: QR code and secret, a wrong code refused, the right one accepted", async () => {
    await page.click("#totp-start");
    await page.locator("#totp-secret:not(:empty)").waitFor({ timeout: 20_000 });
    assert.strictEqual(await focused(), "totp-h");
    const secret = await text("#totp-secret");
    // Base32; moto returns the same lower-case secret to every user (real Cognito: a random 32+ characters).
    assert.match(secret, /^[A-Za-z2-7]{12,}$/);
    device = new TotpDevice(secret, { rejectsReuse: false });
    assert.match(String(await page.locator("#qr img").getAttribute("src")), /^data:image\/gif;base64,/);
    assert.match(String(await page.locator("#totp-secret").getAttribute("data-uri")), /^otpauth:\/\/totp\//);
    await shot("totp-setup");
    const wrong = (await totpNow()) === "000000" ? "111111" : "000000";
    await page.fill("#totp-code", wrong);
    await page.click("#totp-form button");
    assert.match(await errorText(), /code is wrong/);
    await shot("totp-wrong-code");
    await page.fill("#totp-code", await totpNow());
    await page.click("#totp-form button");
    await statusText("TOTP is on");
    await shot("totp-on");
  });

  it("refreshes the session (GetTokensFromRefreshToken, shimmed to REFRESH_TOKEN_AUTH)", async () => {
    const before = local.stats.shimmed.GetTokensFromRefreshToken ?? 0;
    await page.click("#refresh");
    // A new ID token, and AWS credentials from the identity pool through identityPoolEndpoint.
    assert.match(await statusText("Session refreshed (1)"), /a new ID token; identity us-east-1:[0-9a-f-]{36}\./);
    assert.strictEqual(local.stats.shimmed.GetTokensFromRefreshToken, before + 1);
    assert.strictEqual(await claim("cognito:groups"), "Customers");
    await shot("refreshed");
  });

  it("signs out, and a second sign-up with the same email is refused", async () => {
    await page.click("#signout");
    await statusText("Signed out.");
    assert.strictEqual(await focused(), "signin-h");
    await page.fill("#signup-email", email);
    await page.fill("#signup-password", PASSWORD);
    await page.click("#signup-form button");
    assert.match(await errorText(), /already exists\. Sign in instead\. \(UsernameExistsException\)/);
    await shot("signed-out-user-exists");
  });

  it("signs in with SRP and a TOTP code, keyboard only", async () => {
    await page.locator("#signin-email").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    assert.strictEqual(await focused(), "signin-password");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await statusText("Enter the code from your authenticator app");
    assert.strictEqual(await focused(), "mfa-h");
    await page.keyboard.press("Tab");
    assert.strictEqual(await focused(), "mfa-code");
    const wrong = (await totpNow()) === "000000" ? "111111" : "000000";
    await page.keyboard.type(wrong);
    await page.keyboard.press("Enter");
    assert.match(await errorText(), /That code is wrong.*\((CodeMismatchException|NotAuthorizedException)\)/);
    await shot("mfa-wrong-code");
    await page.locator("#mfa-code").focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(await totpNow());
    await page.keyboard.press("Enter");
    await statusText("Signed in with SRP and a TOTP code.");
    assert.strictEqual(await focused(), "session-h");
    assert.strictEqual(await claim("cognito:groups"), "Customers");
    await shot("signed-in-mfa");
  });
});
