#!/usr/bin/env node
"use server";
// Seeds the database.
import { seed } from "./seed.mjs";
// want `ignored here`
await seed();
