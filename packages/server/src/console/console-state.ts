import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { SessionService } from "./session-service.js";
import { SetupTokens } from "./setup-tokens.js";
import { SignInThrottle } from "./sign-in-throttle.js";

/** The dashboard's own stores: sessions, the setup link, sign-in throttling. */
export interface ConsoleState {
  sessions: SessionService;
  setupTokens: SetupTokens;
  throttle: SignInThrottle;
}

/** @example const state = createConsoleState(store.db); */
export function createConsoleState(db: Kysely<Database>): ConsoleState {
  return { sessions: new SessionService(db), setupTokens: new SetupTokens(db), throttle: new SignInThrottle(db) };
}
