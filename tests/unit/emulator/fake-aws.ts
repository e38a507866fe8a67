/**
 * A stand-in AWS endpoint for unit tests: records every call (service target or IAM action, and
 * its parameters) and answers from a table; a call the table does not know gets HTTP 400, so an
 * unexpected call fails the test.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCall {
  /** `CreateUserPool`, `CreateRole` ... */
  action: string;
  /** JSON body (Cognito) or form fields (IAM). */
  params: Record<string, unknown>;
}

/** JSON for Cognito actions (`{ __type, message }` answers as that error), an XML string for IAM actions. */
export type FakeAnswer =
  | Record<string, unknown>
  | string
  | ((params: Record<string, unknown>) => Record<string, unknown> | string);

export interface FakeAws {
  endpoint: string;
  calls: FakeCall[];
  close(): Promise<void>;
}

export async function startFakeAws(answers: Record<string, FakeAnswer>): Promise<FakeAws> {
  const calls: FakeCall[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const target = req.headers["x-amz-target"];
      let action: string;
      let params: Record<string, unknown>;
      if (typeof target === "string") {
        action = target.split(".").pop() ?? "";
        params = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      } else {
        const form = new URLSearchParams(body);
        action = form.get("Action") ?? "";
        params = Object.fromEntries(form.entries());
      }
      calls.push({ action, params });
      const a = answers[action];
      if (a === undefined) {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ __type: "UnexpectedCall", message: `fake AWS: no answer for ${action}` }));
        return;
      }
      const out = typeof a === "function" ? a(params) : a;
      if (typeof out === "string") {
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(out);
      } else {
        res.writeHead("__type" in out ? 400 : 200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(out));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** An IAM query-protocol response. */
export function iamXml(action: string, result: string): string {
  return (
    `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`
  );
}
