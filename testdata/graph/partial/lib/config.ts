export const config = { title: "Partial" };
