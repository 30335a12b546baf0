// The built-in kinds and those of next.config.ts pass; others are reported.

export async function plain() {
  "use cache";
  return [];
}

export async function byDefault() {
  "use cache: default";
  return [];
}

export async function remote() {
  "use cache: remote";
  return [];
}

export async function personal() {
  "use cache: private";
  return [];
}

export async function prerendered() {
  "use cache: static";
  return [];
}

export async function fromRedis() {
  "use cache: redis";
  return [];
}

export const fromKV = async () => {
  "use cache: edge-kv";
  return [];
};

export async function fromSessions() {
  "use cache: sessions"; // under experimental
  return [];
}

export async function typo() {
  "use cache: radis"; // want `^Unknown cache kind "radis": the project has no cache handler of that kind \(it has default, remote, private, static, redis, edge-kv, sessions\)\. Did you mean "use cache: redis"\?$`
  return [];
}

export async function remot() {
  'use cache: remot'; // want `Unknown cache kind "remot".*Did you mean "use cache: remote"\?`
  return [];
}

export async function memcached() {
  "use cache: memcached"; // want `^Unknown cache kind "memcached": .*\. Add a handler for it to cacheHandlers in next.config, or use a kind the project has$`
  return [];
}

export class Store {
  static async load() {
    "use cache: disk"; // want `Unknown cache kind "disk"`
    return [];
  }
}

export async function malformed() {
  "use cache:redis"; // directive-typo's, not a kind to look up
  return [];
}

export async function notADirective() {
  const label = "use cache: nowhere";
  return label;
}
