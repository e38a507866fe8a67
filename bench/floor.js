const pulumi = require("@pulumi/pulumi");
require("@pulumi/aws");
pulumi.runtime.setMocks(
  { newResource: (a) => ({ id: a.name, state: a.inputs }), call: (a) => a.inputs },
  "p",
  "s",
  false,
);
