'use server'

const config = { retries: 3 }

export default config // want `the default export is a value`
