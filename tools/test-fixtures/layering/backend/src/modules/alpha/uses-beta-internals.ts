// Deliberately wrong: another module's repository, routes, jobs and helpers are its internals.

import { betaJob } from "../beta/beta.jobs.ts";
import { betaRows } from "../beta/beta.repository.ts";
import { betaRoutes } from "../beta/beta.routes.ts";
import { betaHelper } from "../beta/beta-helper.ts";

export const reached = [betaRows, betaRoutes, betaJob, betaHelper];
