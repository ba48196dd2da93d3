// Deliberately wrong: production code never imports test helpers.
import { fixtureRow } from "./test/fixture.ts";

export const shipped = fixtureRow;
