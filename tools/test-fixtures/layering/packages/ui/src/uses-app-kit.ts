// Deliberately wrong: ui sits below app-kit and never imports it.
import { consoleChrome } from "../../app-kit/src/console.ts";

export const chrome = consoleChrome;
