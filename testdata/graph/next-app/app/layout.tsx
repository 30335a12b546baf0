import { createContext } from "react"; // want "missing-use-client: This route file is a Server Component, but it imports the client-only React API createContext"

export const Theme = createContext("light");

export default function Layout({ children }: { children: React.ReactNode }) {
  return <html><body>{children}</body></html>;
}
