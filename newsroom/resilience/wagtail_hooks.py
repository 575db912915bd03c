from wagtail import hooks

from . import publishing


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # Registered for ``Page`` after Wagtail's default one (order -1): used by every page type.
    return publishing.page_viewset


@hooks.register("construct_admin_api")
def register_pages_endpoint(router):
    router.register_endpoint("pages", publishing.PagesAdminAPIViewSet)
