'use client'

export default async function Profile() {
  return <p>profile</p>
}
