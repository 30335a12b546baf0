"use server";

export async function saveCart() {}
