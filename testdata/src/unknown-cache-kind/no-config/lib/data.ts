// No next.config: only the built-in kinds.
export async function fromRedis() {
  "use cache: redis"; // want `^Unknown cache kind "redis": the project has no cache handler of that kind \(it has default, remote, private, static\)\. Add a handler`
  return [];
}

export async function fromRemote() {
  "use cache: remote";
  return [];
}
