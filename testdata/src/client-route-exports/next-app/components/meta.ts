export async function generateMetadata() {
  return { title: "Meta" };
}

export function generateViewport() {
  return { themeColor: "black" };
}
