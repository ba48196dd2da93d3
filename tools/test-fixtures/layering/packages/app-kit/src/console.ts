export const consoleChrome = "wired to the router and the API";
