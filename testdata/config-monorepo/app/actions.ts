'use sever';

export async function save() {}
