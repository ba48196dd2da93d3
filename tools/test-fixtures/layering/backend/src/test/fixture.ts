export const fixtureRow = { id: "fixture" };
