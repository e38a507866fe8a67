import * as assert from "node:assert";
import { userGroupCommand, userInGroupCommand } from "../../../../emulator/backend/groups";

describe("emulator/backend/groups", () => {
  it("maps a group with precedence, description and role", () => {
    assert.deepStrictEqual(
      userGroupCommand(
        {
          userPoolId: "us-east-1_abc",
          name: "Administrators",
          description: "Admins",
          precedence: 1,
          roleArn: "arn:aws:iam::1:role/admins",
        },
        "fallback",
      ),
      {
        GroupName: "Administrators",
        UserPoolId: "us-east-1_abc",
        Description: "Admins",
        RoleArn: "arn:aws:iam::1:role/admins",
        Precedence: 1,
      },
    );
  });

  it("keeps precedence 0 and names an unnamed group after its resource", () => {
    assert.deepStrictEqual(userGroupCommand({ userPoolId: "p", precedence: 0 }, "cognito-groups-x"), {
      GroupName: "cognito-groups-x",
      UserPoolId: "p",
      Precedence: 0,
    });
  });

  it("maps a membership", () => {
    assert.deepStrictEqual(
      userInGroupCommand({ userPoolId: "p", username: "admin@example.com", groupName: "Administrators" }),
      {
        UserPoolId: "p",
        Username: "admin@example.com",
        GroupName: "Administrators",
      },
    );
    assert.throws(() => userInGroupCommand({ userPoolId: "p", username: "u", groupName: "" }), /groupName is required/);
  });
});
