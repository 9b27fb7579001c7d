/* names.c - unique names within one export: a taken name gets -2, -3, ... */
#include "export/names.h"
#include "core/buf.h"
#include "core/error.h"

#include <stdlib.h>
#include <string.h>

/* Keep s (owned from now on). Returns 0 or GG_ENOMEM (s is freed). */
static int own(gg_i_names *names, char *s)
{
	if (names->n == names->cap &&
	    gg_i_array_grow((void **)&names->owned, &names->cap, names->n, sizeof(char *)) != 0) {
		free(s);
		return gg_i_error_oom();
	}
	names->owned[names->n++] = s;
	return 0;
}

int gg_i_names_take(gg_i_names *names, const char *base, void (*fold)(char *key),
		    const char **out)
{
	gg_i_buf name = GG_BUF_INIT;
	char *key = NULL;

	*out = NULL;
	for (unsigned long k = 1;; k++) {
		gg_i_buf_clear(&name);
		if (k == 1)
			gg_i_buf_puts(&name, base);
		else
			gg_i_buf_printf(&name, "%s-%lu", base, k);
		if (name.oom)
			break;
		free(key);
		key = strdup(name.ptr);
		if (!key)
			break;
		if (fold)
			fold(key);
		uint32_t ignored;
		if (gg_i_strmap_get(&names->taken, key, &ignored))
			continue;
		char *given = gg_i_buf_detach(&name);
		if (!given) {
			free(key);
			return gg_i_error_oom();
		}
		if (own(names, given) != 0) {
			free(key);
			return gg_i_error_oom();
		}
		if (own(names, key) != 0)
			return gg_i_error_oom();
		if (gg_i_strmap_put(&names->taken, key, 0, NULL) < 0)
			return gg_i_error_oom();
		*out = given;
		return 0;
	}
	free(key);
	gg_i_buf_free(&name);
	return gg_i_error_oom();
}

void gg_i_names_free(gg_i_names *names)
{
	for (size_t i = 0; i < names->n; i++)
		free(names->owned[i]);
	free(names->owned);
	gg_i_strmap_free(&names->taken);
	memset(names, 0, sizeof(*names));
}
