import type { StackConfig } from "../schema";
import { commonPreset } from "./common";

/** Dev: MFA optional, localhost callbacks, Cognito's own email sender, seed users, no deletion protection. */
export function devPreset(stack: string): StackConfig {
  const c = commonPreset(stack);
  return {
    ...c,
    environment: "dev",
    clients: {
      ...c.clients,
      web: {
        ...c.clients.web,
        callbackUrls: ["http://localhost:3000/auth/callback"],
        logoutUrls: ["http://localhost:3000/"],
      },
      backend: {
        ...c.clients.backend,
        callbackUrls: ["http://localhost:8080/auth/callback"],
        logoutUrls: ["http://localhost:8080/"],
      },
    },
    seedUsers: {
      "admin@example.com": {
        groups: ["Administrators"],
        attributes: { given_name: "Ada", family_name: "Admin", "custom:customer_tier": "internal" },
      },
      "customer@example.com": {
        groups: ["Customers"],
        attributes: {
          given_name: "Carl",
          family_name: "Customer",
          "custom:customer_tier": "basic",
          "custom:subscription_status": "active",
        },
      },
    },
    tags: { ...c.tags, environment: "dev" },
  };
}
