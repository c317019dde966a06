export { billingCycleAt, type BillingCycle } from "./billing-cycle.js";
export { CreditStore, type CreditCharge, type CreditBalanceRecord } from "./credit-store.js";
export { CreditService, MAX_GRANT, type CreditBalance } from "./credit-service.js";
export { createCreditGuard } from "./credit-guard.js";
export { installCreditHooks } from "./credit-hooks.js";
export { setCreditHeaders } from "./credit-headers.js";
export { registerCreditRoutes, presentCreditBalance } from "./credit-routes.js";
