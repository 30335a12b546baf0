export const env = { region: "eu" };
