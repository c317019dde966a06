import type { Role } from "../../api/types";

const DESCRIPTIONS: Record<Role, string> = {
  owner: "Owner — everything, including owners",
  admin: "Admin — manages members and all keys",
  member: "Member — creates and manages their own keys, edits prompts",
  viewer: "Viewer — read-only; cannot create keys",
};

/** The roles someone with `myRole` may hand out: only owners make owners. */
export function roleChoices(myRole: Role): Array<{ value: Role; label: string }> {
  const roles: Role[] = myRole === "owner" ? ["owner", "admin", "member", "viewer"] : ["admin", "member", "viewer"];
  return roles.map((value) => ({ value, label: DESCRIPTIONS[value] }));
}
