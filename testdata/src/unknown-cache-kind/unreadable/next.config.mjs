import { handlers } from "./cache/index.mjs";

/** @type {import('next').NextConfig} */
export default {
  cacheHandlers: handlers,
};
