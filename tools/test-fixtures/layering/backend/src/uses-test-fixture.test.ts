// Allowed: tests use the shared fixtures.
import { fixtureRow } from "./test/fixture.ts";

export const tested = fixtureRow;
