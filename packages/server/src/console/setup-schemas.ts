import { Type } from "typebox";

const SetupToken = Type.String({ minLength: 1, maxLength: 100 });

export const VerifySetupTokenBody = Type.Object({ token: SetupToken }, { additionalProperties: false });

export const SetupTokenStateSchema = Type.Object({
  /** False once the first owner exists: the dashboard sends people to sign in instead. */
  needsSetup: Type.Boolean(),
  /** The link's token is known, unused and less than an hour old. */
  tokenValid: Type.Boolean(),
});

export const CompleteSetupBody = Type.Object(
  {
    token: SetupToken,
    email: Type.String({ minLength: 3, maxLength: 254, examples: ["ada@example.com"] }),
    displayName: Type.String({ minLength: 1, maxLength: 100, examples: ["Ada Lovelace"] }),
    password: Type.String({ minLength: 8, maxLength: 256 }),
    workspaceName: Type.String({ minLength: 1, maxLength: 100, examples: ["Acme Inc"] }),
    workspaceSlug: Type.String({ minLength: 1, maxLength: 40, examples: ["acme"] }),
  },
  { additionalProperties: false },
);
