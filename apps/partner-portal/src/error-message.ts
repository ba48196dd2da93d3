import { createErrorMessage } from "@referral-app/app-kit/error-message";
import { strings } from "./strings.ts";

export const errorMessage = createErrorMessage(strings.common);
