'use server'

function helper() {
  return 1
}

export { helper }
