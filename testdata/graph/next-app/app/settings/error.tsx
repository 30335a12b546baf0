// want "missing-use-client: This is a Next.js error file, which Next.js requires to be a Client Component, but it has no \"use client\""
export default function SettingsError() {
  return <p>Settings could not be loaded</p>;
}
