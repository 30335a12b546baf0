"use client";
import { useState } from "react";
import { query } from "@acme/db";

export function Panel({ children }: { children: React.ReactNode }) {
  const [open] = useState(true);
  void query;
  return open ? <div>{children}</div> : null;
}
