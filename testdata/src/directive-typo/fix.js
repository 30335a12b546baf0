'use sever' // want `Did you mean "use server"`
import { db } from './db'

export async function load() {
  "use cache:private"; // want `Did you mean "use cache: private"`
  return db.load()
}
