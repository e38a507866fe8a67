import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ResourceServerModel } from "../config/model";
import { applyTransform, type Transform } from "./transform";

export interface ResourceServersArgs {
  /** `resourceServers` from the model, by key; clients name scopes as `<key>/<scope>`. @default none */
  servers: Record<string, ResourceServerModel>;
  /** The pool the servers belong to. */
  userPoolId: pulumi.Input<string>;
  /**
   * Protect the servers (Pulumi `protect`): a renamed or removed key, or a changed identifier (fixed
   * at creation), then fails `pulumi preview` instead of replacing the server and the scopes clients
   * name. @default false
   */
  protect?: boolean;
  /** Change any server's args. @default none */
  transform?: { resourceServer?: Transform<aws.cognito.ResourceServerArgs> };
}

/**
 * Resource servers (APIs) and their custom scopes, e.g. `api` with `read` and `write`. Cognito
 * rejects a client naming a scope that does not exist yet, so clients depend on these explicitly.
 * `identifier` and `name` are fixed at creation: changing them replaces the server.
 */
export class ResourceServers extends pulumi.ComponentResource {
  /** By config key. */
  readonly servers: Record<string, aws.cognito.ResourceServer> = {};

  constructor(name: string, args: ResourceServersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("cognito-auth:index:ResourceServers", name, {}, opts);
    for (const [key, s] of Object.entries(args.servers)) {
      const serverArgs: aws.cognito.ResourceServerArgs = {
        userPoolId: args.userPoolId,
        identifier: s.identifier,
        name: s.name,
        scopes: s.scopes.map((x) => ({ scopeName: x.scopeName, scopeDescription: x.scopeDescription })),
      };
      this.servers[key] = new aws.cognito.ResourceServer(
        ...applyTransform(args.transform?.resourceServer, `${name}-${key}`, serverArgs, {
          parent: this,
          protect: args.protect === true,
        }),
      );
    }
    this.registerOutputs({
      identifiers: Object.fromEntries(Object.entries(this.servers).map(([k, s]) => [k, s.identifier])),
    });
  }
}
