export function formatPrice(n: number) {
  return `$${n}`;
}

export async function fetchPrice() {
  return 1;
}

export class Cart {
  items: string[] = [];
}

export const TAX = 0.2;
