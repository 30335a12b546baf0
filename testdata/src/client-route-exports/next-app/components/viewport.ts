export const siteViewport = { width: "device-width" };
