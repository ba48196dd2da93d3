// Allowed: another module's service.
import { betaService } from "../beta/beta.service.ts";

export const alpha = betaService;
