'use strict';
'use server'; // want `write it as a plain string, 'use server'`
