// Deliberately wrong: packages never import apps.
import { leaked } from "../../../apps/web/src/uses-backend.ts";

export const again = leaked;
