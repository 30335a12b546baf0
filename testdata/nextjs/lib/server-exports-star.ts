'use server'

export * from './clean-actions'
