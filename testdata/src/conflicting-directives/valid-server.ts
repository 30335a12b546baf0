"use server";

export async function cached() {
  "use cache";
  return 1;
}

export async function remote() {
  "use cache: remote";
  return 2;
}

export async function action() {
  "use server";
}
