#!/usr/bin/env node
// Seeds the database.
import { seed } from "./seed.mjs";
"use server"; // want `ignored here`
await seed();
