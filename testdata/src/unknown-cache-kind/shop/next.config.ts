import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  cacheComponents: true,
  cacheHandlers: {
    redis: require.resolve("./cache/redis.js"),
    "edge-kv": require.resolve("./cache/edge-kv.js"),
  },
  experimental: {
    cacheHandlers: {
      sessions: require.resolve("./cache/sessions.js"),
    },
  },
};

export default nextConfig;
